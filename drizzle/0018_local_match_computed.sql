-- The local-match requirement is computed from contributions and the award's match target from now
-- on (server/domains/grants/calculators.ts). Requirements added from the template earlier get the
-- calculation where nobody has judged them yet (still "not started", no override); one a coordinator
-- moved by hand (in progress, met, not applicable) keeps that status, set by hand, as they decided it,
-- since it may rest on a match the platform does not see (cash, a funder's approval letter). The
-- daily status recording notes the computed status as a computed change (statusRecorder.ts).
UPDATE "grant_requirements" SET "computed_key" = 'local-match' WHERE "template_key" = 'local-match' AND "computed_key" IS NULL AND "status" = 'not_started' AND "override_status" IS NULL;
