-- "A rep's active accounts by name" (the prompts' due accounts, /accounts, App Home) read through
-- an index that serves both the filter and the order. Without it SQLite may walk the partial
-- name index of the whole workspace for every rep (12 ms per rep at 6,000 accounts).
CREATE INDEX accounts_by_rep_name ON accounts (workspace_id, rep_id, name_key);
