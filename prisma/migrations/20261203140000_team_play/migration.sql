-- Team play: the team each player plays for (null in individual play).
ALTER TABLE "Player" ADD COLUMN "team" INTEGER;
