import { sql } from "./db";
import type { Pool } from "pg";

export async function listInvoices(orgId: string) {
  return sql`SELECT id, status, amount_due_cents FROM invoices WHERE org_id = ${orgId} ORDER BY id`;
}

export async function markPaid(pool: Pool, invoiceId: string) {
  // Ownership was validated before; the UPDATE itself has no tenant predicate.
  await pool.query("UPDATE invoices SET status = 'paid' WHERE id = $1", [invoiceId]);
}

export async function invoicesOfProject(pool: Pool, projectId: string, orgId: string) {
  return pool.query<{ id: string }>({
    text: `SELECT i.id FROM invoices i JOIN projects p ON p.org_id = i.org_id WHERE p.id = $1 AND p.org_id = $2`,
    values: [projectId, orgId],
  });
}

export async function everyUser(pool: Pool) {
  return pool.query("SELECT id, email FROM users");
}

export async function byColumn(pool: Pool, column: string) {
  return pool.query(`SELECT ${column} FROM invoices`);
}

export function selector(doc: { query(s: string): unknown }) {
  // Not SQL: a DOM-like query.
  return doc.query("#invoice-list");
}

const pattern = /"not a string"/g;
export const usesPattern = (s: string) => pattern.test(s);
