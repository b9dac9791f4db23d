package svc

import (
	"context"
	"database/sql"
	"fmt"
)

type Store struct{ db *sql.DB }

func (s *Store) Invoice(ctx context.Context, id, orgID string) (string, error) {
	var status string
	err := s.db.QueryRowContext(ctx, "SELECT status FROM invoices WHERE id = $1 AND org_id = $2", id, orgID).Scan(&status)
	return status, err
}

func (s *Store) DeleteUser(id string) error {
	_, err := s.db.Exec("DELETE FROM users WHERE id = ?", id)
	return err
}

func (s *Store) Rules(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `
		SELECT id, pattern
		FROM email_routing_rules
		ORDER BY id`)
}

func (s *Store) Count(table string) (*sql.Rows, error) {
	return s.db.Query(fmt.Sprintf("SELECT count(*) FROM %s", table))
}

func (s *Store) Projects(ctx context.Context, orgID string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM projects WHERE id IN (SELECT id FROM projects WHERE org_id = $1)", orgID)
}
