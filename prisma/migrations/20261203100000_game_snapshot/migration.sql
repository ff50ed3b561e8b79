-- Durable games: the live room's state at its last phase change (or roster change), from
-- which a restarted server restores the game; answers after it are rows already.
ALTER TABLE "Game" ADD COLUMN "snapshot" JSONB;
ALTER TABLE "Game" ADD COLUMN "snapshotAt" TIMESTAMP(3);
