-- Demo API clients for the benchmark, one per staff role it needs, with the secret of us-agency-system ('demo').
-- Written straight into api_client (staff roles have no client in the demo data); a throw-away database only.
INSERT INTO api_client (id, client_id, client_secret_hash, display_name, role, party_code, nationality, created_at)
SELECT gen_random_uuid(), v.client_id, c.client_secret_hash, v.name, v.role, NULL, NULL, now()
FROM api_client c, (VALUES ('bench-admin', 'Benchmark admin', 'ADMIN'),
                           ('bench-custody', 'Benchmark custody officer', 'CUSTODY_OFFICER'),
                           ('bench-finance', 'Benchmark finance officer', 'FINANCE')) AS v(client_id, name, role)
WHERE c.client_id = 'us-agency-system'
ON CONFLICT (client_id) DO NOTHING;
