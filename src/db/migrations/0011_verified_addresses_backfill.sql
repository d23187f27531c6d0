-- Hand-written: a referrer who ever opened a portal session proved their address by following a
-- sign-in link, so they count as verified from their first session on (participants.email_verified_at).
UPDATE "participants" p SET "email_verified_at" = s."first_session_at"
FROM (
  SELECT "participant_id", min("created_at") AS "first_session_at"
  FROM "participant_sessions" GROUP BY "participant_id"
) s
WHERE s."participant_id" = p."id" AND p."email_verified_at" IS NULL;
