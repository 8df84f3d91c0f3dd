import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { create, type Font } from "fontkit";
import type { FontKey, ReportFonts } from "./pdf-types.ts";

/** The bundled OFL Noto fonts (npm packages `@expo-google-fonts/noto-sans*`), regular and bold. */
const FILES: Record<FontKey, { regular: string; bold: string }> = {
  latin: {
    regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
    bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  },
  arabic: {
    regular: "@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
    bold: "@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
  },
  hebrew: {
    regular: "@expo-google-fonts/noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf",
    bold: "@expo-google-fonts/noto-sans-hebrew/700Bold/NotoSansHebrew_700Bold.ttf",
  },
  cjk: {
    regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
    bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
  },
};

function resolveFont(specifier: string): string {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return join(process.cwd(), "node_modules", specifier);
  }
}

let loaded: ReportFonts | null = null;

/**
 * Loads the report fonts once per process (about 25 MB, the CJK font being most of it) and answers
 * glyph coverage questions from fontkit. The renderer runs in plain Node (worker, CLI, tests).
 */
export function loadReportFonts(): ReportFonts {
  if (loaded) return loaded;
  const keys = Object.keys(FILES) as FontKey[];
  const files = {} as ReportFonts["files"];
  const faces = {} as Record<FontKey, Font>;
  for (const key of keys) {
    const regular = readFileSync(resolveFont(FILES[key].regular));
    files[key] = { regular, bold: readFileSync(resolveFont(FILES[key].bold)) };
    const face = create(regular);
    if (!("hasGlyphForCodePoint" in face)) throw new Error(`${FILES[key].regular} is a font collection`);
    faces[key] = face;
  }
  const coverage = new Map<string, boolean>();
  const fonts: ReportFonts = {
    defaultPath: resolveFont(FILES.latin.regular),
    files,
    hasGlyph(font, codePoint) {
      const key = `${font}:${codePoint}`;
      let has = coverage.get(key);
      if (has === undefined) {
        has = faces[font].hasGlyphForCodePoint(codePoint);
        coverage.set(key, has);
      }
      return has;
    },
  };
  loaded = fonts;
  return fonts;
}
