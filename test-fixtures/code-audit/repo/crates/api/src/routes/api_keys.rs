use sqlx::PgPool;
use uuid::Uuid;

pub struct KeyOwnerRow {
    pub id: Uuid,
    pub created_by: Option<Uuid>,
}

// Ownership is checked with the tenant predicate first.
pub async fn revoke_key(pool: &PgPool, key_id: Uuid, org_id: Uuid) -> Result<(), sqlx::Error> {
    let existing = sqlx::query_as!(
        KeyOwnerRow,
        "SELECT id, created_by FROM api_keys WHERE id = $1 AND org_id = $2",
        key_id,
        org_id
    )
    .fetch_one(pool)
    .await?;

    // The UPDATE relies on the check above: no org_id in its WHERE clause.
    sqlx::query!(
        r#"UPDATE api_keys
           SET revoked_at = now()
           WHERE id = $1"#,
        existing.id
    )
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn delete_key(pool: &PgPool, key_id: Uuid, org_id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM api_keys WHERE id = $1 AND org_id = $2")
        .bind(key_id)
        .bind(org_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn count_keys(pool: &PgPool, org_id: Uuid) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar::<_, i64>("SELECT count(*) FROM api_keys k WHERE k.org_id = $1 AND k.revoked_at IS NULL")
        .bind(org_id)
        .fetch_one(pool)
        .await
}

pub async fn sorted_keys(pool: &PgPool, column: &str) -> Result<Vec<(Uuid,)>, sqlx::Error> {
    // Built at run time: the audit cannot read it.
    let sql = format!("SELECT id FROM api_keys ORDER BY {}", column);
    sqlx::query_as::<_, (Uuid,)>(&sql).fetch_all(pool).await
}

// A comment mentioning sqlx::query("DELETE FROM users") is not a call.
