"""Background jobs of the fixture application."""
from sqlalchemy import text


def users_of_org(cursor, org_id):
    # Tenant-filtered, psycopg placeholders.
    cursor.execute("SELECT id, email FROM users WHERE org_id = %s ORDER BY email", (org_id,))
    return cursor.fetchall()


def import_users(cursor, rows):
    # Missing the tenant column in the column list.
    cursor.executemany(
        """
        INSERT INTO users (id, email)
        VALUES (%(id)s, %(email)s)
        """,
        rows,
    )


def purge(cursor, table):
    cursor.execute(f"DELETE FROM {table} WHERE created_at < now() - interval '1 year'")


def invoice_total(session, org_id):
    return session.execute(
        text("SELECT sum(amount_due_cents) FROM invoices WHERE org_id = :org_id"),
        {"org_id": org_id},
    )


def broken(cursor):
    cursor.execute("SELEC id FROM users")
