-- The demo story (module demo, profile demo only): which of its steps are loaded. Each step writes its rows through
-- the other modules' APIs and its row here in one transaction, so that a restart resumes or adds nothing.
CREATE TABLE demo_story_step (
    step      TEXT PRIMARY KEY,
    loaded_at TIMESTAMPTZ NOT NULL,
    detail    TEXT NOT NULL
);
