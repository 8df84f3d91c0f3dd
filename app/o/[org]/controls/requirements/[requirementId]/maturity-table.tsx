import type { CatalogNode } from "@/lib/catalog/catalog-schema.ts";
import { MATURITY_STAGES } from "@/lib/catalog/catalog-vocabulary.ts";

type Maturity = NonNullable<CatalogNode["maturity"]>;

/** What each CISA ZTMM maturity stage looks like for a Zero Trust function, lowest first. */
export function MaturityTable({ maturity }: { maturity: Maturity }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Zero Trust maturity stages</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">What it looks like</th>
          </tr>
        </thead>
        <tbody>
          {MATURITY_STAGES.map((stage) => (
            <tr key={stage}>
              <th scope="row">{stage.charAt(0).toUpperCase() + stage.slice(1)}</th>
              <td>{maturity[stage]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
