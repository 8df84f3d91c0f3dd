import { verify } from "@node-rs/argon2";

/** A fixed argon2id hash, verified when the user does not exist so both paths cost the same. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$T2OMiOQ7Jfvqg03JgDqU5g$gVTRWwzgXma/E1II2HWCQLl1AUkYRSoKObDdg66IAlw";

/** Checks a password against an argon2id PHC string; a missing hash still spends the same time. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return ok && passwordHash != null;
  } catch {
    return false;
  }
}
