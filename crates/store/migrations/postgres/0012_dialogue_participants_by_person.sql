-- The dialogues a member joined under their own name, for the learning log's suggestions
-- (and for erasing a person, which clears person_id on their participations).
CREATE INDEX dialogue_participants_by_person ON dialogue_participants (person_id)
    WHERE person_id IS NOT NULL;
