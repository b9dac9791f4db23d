// Trustboard keeps one workspace per installation: the row every setting and the scope live in.
export const WORKSPACE_ID = 1;
