// The shapes of the SOC 2 controls-mapping seed: a criterion and its implementation items.
export interface SeedItem {
  title: string;
  points: string[];
  locations: string[];
}

export interface SeedCriterion {
  id: string;
  items: SeedItem[];
  evidence: string[];
}
