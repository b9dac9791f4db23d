// The shapes of the demo implementation programme: phases, their items, files and must-haves.
type Change = "created" | "modified" | "referenced";
export interface DemoFile {
  path: string;
  change: Change;
  note?: string;
}
export interface DemoItem {
  kind?: "deliverable" | "ordering" | "testing";
  text: string;
  detail?: string[];
  done: boolean;
  files?: DemoFile[];
}
export interface DemoMustHave {
  truth: string;
  verdict: "verified" | "partial" | "failed";
  observation: string;
  reason?: string;
  requirements: string[];
  artifacts?: { path: string; note: string }[];
  missing?: string[];
}
export interface DemoPhase {
  number: number;
  title: string;
  goal?: string;
  progress: "pending" | "in_progress" | "complete";
  items: DemoItem[];
  nextSteps?: string[];
  notes?: string;
  requirements?: { code: string; description: string; criteria: string[]; note?: string }[];
  mustHaves?: DemoMustHave[];
  verifiedAt?: string;
}
