-- Tillit programme database, schema version 1.
-- Frozen: later versions change it through migrations in
-- tillit-database.c, never by editing this file.
-- Every table's columns follow its kind's field table (src/model/tillit-*.c);
-- test-model-kinds holds the two against each other.

CREATE TABLE municipality (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  code TEXT,
  ours INTEGER NOT NULL DEFAULT 0 CHECK (ours IN (0, 1))
);
CREATE INDEX municipality_origin ON municipality (origin);

CREATE TABLE framework (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  version TEXT,
  language TEXT,
  active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
CREATE INDEX framework_origin ON framework (origin);

CREATE TABLE principle (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  framework TEXT NOT NULL REFERENCES framework (uuid) ON DELETE CASCADE,
  code TEXT,
  name_en TEXT,
  name_sv TEXT,
  description_en TEXT,
  description_sv TEXT,
  position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);
CREATE INDEX principle_origin ON principle (origin);
CREATE INDEX principle_framework ON principle (framework);

CREATE TABLE level (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  framework TEXT NOT NULL REFERENCES framework (uuid) ON DELETE CASCADE,
  name_en TEXT,
  name_sv TEXT,
  position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
);
CREATE INDEX level_origin ON level (origin);
CREATE INDEX level_framework ON level (framework);

CREATE TABLE cell (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  principle TEXT NOT NULL REFERENCES principle (uuid) ON DELETE CASCADE,
  level TEXT NOT NULL REFERENCES level (uuid) ON DELETE CASCADE,
  UNIQUE (principle, level)
);
CREATE INDEX cell_origin ON cell (origin);
CREATE INDEX cell_level ON cell (level);

CREATE TABLE strategy (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  cell TEXT NOT NULL REFERENCES cell (uuid) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  text TEXT
);
CREATE INDEX strategy_origin ON strategy (origin);
CREATE INDEX strategy_cell ON strategy (cell);

CREATE TABLE evidence (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  cell TEXT NOT NULL REFERENCES cell (uuid) ON DELETE CASCADE,
  note TEXT,
  link TEXT
);
CREATE INDEX evidence_origin ON evidence (origin);
CREATE INDEX evidence_cell ON evidence (cell);

CREATE TABLE assessment (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  cell TEXT NOT NULL REFERENCES cell (uuid) ON DELETE CASCADE,
  period TEXT,
  date TEXT,
  discourse TEXT NOT NULL DEFAULT 'not-started' CHECK (discourse IN ('not-started', 'emerging', 'developing', 'established', 'embedded')),
  practice TEXT NOT NULL DEFAULT 'not-started' CHECK (practice IN ('not-started', 'emerging', 'developing', 'established', 'embedded')),
  comment TEXT
);
CREATE INDEX assessment_origin ON assessment (origin);
CREATE INDEX assessment_cell ON assessment (cell);

CREATE TABLE unit (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'unit' CHECK (kind IN ('unit', 'service-area')),
  parent TEXT REFERENCES unit (uuid) ON DELETE SET NULL
);
CREATE INDEX unit_origin ON unit (origin);
CREATE INDEX unit_parent ON unit (parent);

CREATE TABLE pilot (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  title TEXT NOT NULL,
  unit TEXT REFERENCES unit (uuid) ON DELETE SET NULL,
  owner TEXT,
  stage TEXT NOT NULL DEFAULT 'identify' CHECK (stage IN ('identify', 'test', 'implement', 'follow-up')),
  identify_date TEXT,
  test_date TEXT,
  implement_date TEXT,
  follow_up_date TEXT,
  need TEXT,
  idea TEXT,
  involvement TEXT NOT NULL DEFAULT '',
  support TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'declined')),
  decided_by TEXT,
  decision_date TEXT,
  conditions TEXT,
  principles TEXT NOT NULL DEFAULT '',
  start_date TEXT,
  end_date TEXT,
  outcome TEXT NOT NULL DEFAULT 'none' CHECK (outcome IN ('none', 'adopt', 'adapt', 'abandon')),
  outcome_note TEXT,
  adapted_from TEXT
);
CREATE INDEX pilot_origin ON pilot (origin);
CREATE INDEX pilot_unit ON pilot (unit);

CREATE TABLE learning (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  pilot TEXT NOT NULL REFERENCES pilot (uuid) ON DELETE CASCADE,
  date TEXT,
  text TEXT,
  author_role TEXT
);
CREATE INDEX learning_origin ON learning (origin);
CREATE INDEX learning_pilot ON learning (pilot);

CREATE TABLE adoption (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  pilot TEXT NOT NULL REFERENCES pilot (uuid) ON DELETE CASCADE,
  unit TEXT NOT NULL REFERENCES unit (uuid) ON DELETE CASCADE,
  date TEXT
);
CREATE INDEX adoption_origin ON adoption (origin);
CREATE INDEX adoption_pilot ON adoption (pilot);
CREATE INDEX adoption_unit ON adoption (unit);

CREATE TABLE agenda_format (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  name_en TEXT,
  name_sv TEXT,
  dialogue INTEGER NOT NULL DEFAULT 0 CHECK (dialogue IN (0, 1)),
  colour TEXT,
  position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0)
);
CREATE INDEX agenda_format_origin ON agenda_format (origin);

CREATE TABLE manager_day (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  date TEXT,
  title TEXT,
  theme TEXT,
  venue TEXT,
  start_time TEXT,
  planned_end TEXT
);
CREATE INDEX manager_day_origin ON manager_day (origin);

CREATE TABLE agenda_item (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  day TEXT NOT NULL REFERENCES manager_day (uuid) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  duration INTEGER NOT NULL DEFAULT 0 CHECK (duration BETWEEN 0 AND 1440),
  title TEXT,
  format TEXT REFERENCES agenda_format (uuid) ON DELETE SET NULL,
  facilitators TEXT,
  principles TEXT NOT NULL DEFAULT '',
  pilot TEXT REFERENCES pilot (uuid) ON DELETE SET NULL,
  notes TEXT,
  outcome TEXT
);
CREATE INDEX agenda_item_origin ON agenda_item (origin);
CREATE INDEX agenda_item_day ON agenda_item (day);
CREATE INDEX agenda_item_format ON agenda_item (format);
CREATE INDEX agenda_item_pilot ON agenda_item (pilot);

CREATE TABLE competency (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  name_en TEXT,
  name_sv TEXT,
  description_en TEXT,
  description_sv TEXT,
  category TEXT NOT NULL DEFAULT 'leadership' CHECK (category IN ('leadership', 'administrative')),
  principles TEXT NOT NULL DEFAULT '',
  keywords_en TEXT,
  keywords_sv TEXT,
  position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0)
);
CREATE INDEX competency_origin ON competency (origin);

CREATE TABLE vacancy (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  title TEXT NOT NULL,
  unit TEXT REFERENCES unit (uuid) ON DELETE SET NULL,
  advert_date TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'advertised', 'interviewing', 'filled', 'withdrawn')),
  advert_text TEXT
);
CREATE INDEX vacancy_origin ON vacancy (origin);
CREATE INDEX vacancy_unit ON vacancy (unit);

CREATE TABLE profile_entry (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  vacancy TEXT NOT NULL REFERENCES vacancy (uuid) ON DELETE CASCADE,
  competency TEXT NOT NULL REFERENCES competency (uuid) ON DELETE RESTRICT,
  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 5),
  expected_level INTEGER NOT NULL DEFAULT 0 CHECK (expected_level BETWEEN 0 AND 4)
);
CREATE INDEX profile_entry_origin ON profile_entry (origin);
CREATE INDEX profile_entry_vacancy ON profile_entry (vacancy);
CREATE INDEX profile_entry_competency ON profile_entry (competency);

CREATE TABLE candidate (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  vacancy TEXT NOT NULL REFERENCES vacancy (uuid) ON DELETE CASCADE,
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'interviewed', 'offered', 'hired', 'rejected', 'withdrawn'))
);
CREATE INDEX candidate_origin ON candidate (origin);
CREATE INDEX candidate_vacancy ON candidate (vacancy);

CREATE TABLE rating (
  uuid TEXT PRIMARY KEY NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  origin TEXT REFERENCES municipality (uuid) ON DELETE RESTRICT,
  candidate TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,
  competency TEXT NOT NULL REFERENCES competency (uuid) ON DELETE RESTRICT,
  rater TEXT,
  level INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 4),
  note TEXT,
  submitted INTEGER NOT NULL DEFAULT 0 CHECK (submitted IN (0, 1))
);
CREATE INDEX rating_origin ON rating (origin);
CREATE INDEX rating_candidate ON rating (candidate);
CREATE INDEX rating_competency ON rating (competency);

-- Exchange metadata: for each record imported from elsewhere, its
-- `modified` as last imported (the base of a three-way merge).
CREATE TABLE sync_state (
  uuid TEXT PRIMARY KEY NOT NULL,
  base_modified TEXT NOT NULL,
  source_municipality TEXT,
  imported_at TEXT NOT NULL
);
