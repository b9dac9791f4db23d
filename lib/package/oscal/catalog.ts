// oscal/catalog.json: Trustboard's own catalog of the SOC 2 Trust Services Criteria, grouped by
// category, with the ids and short paraphrased titles Trustboard shows (no AICPA text). The
// assessment results and POA&M reference criteria as control ids of this catalog.
import { CATEGORY_LABELS } from "@/lib/catalog/labels";
import type { PackageCriterion } from "../types";
import { metadata, nonEmpty, prop } from "./common";

type CatalogCriterion = Pick<PackageCriterion, "id" | "category" | "series" | "title">;

export function oscalCatalog(
  criteria: CatalogCriterion[],
  createdAt: Date,
  uuid: (name: string) => string,
) {
  const categories = [...new Set(criteria.map((c) => c.category))];
  return {
    catalog: {
      uuid: uuid("catalog"),
      metadata: {
        ...metadata(
          "Trustboard SOC 2 Trust Services Criteria (2017, points of focus revised 2022), paraphrased titles",
          createdAt,
          "2017-2022",
        ),
        remarks:
          "Identifiers and short titles written by Trustboard. The AICPA's criteria text is not reproduced.",
      },
      groups: nonEmpty(
        categories.map((category) => ({
          id: category,
          class: "category",
          title: CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS] ?? category,
          controls: criteria
            .filter((c) => c.category === category)
            .map((c) => ({
              id: c.id,
              class: "criterion",
              title: c.title,
              props: [{ name: "label", value: c.id }, ...prop("series", c.series)],
            })),
        })),
      ),
    },
  };
}
