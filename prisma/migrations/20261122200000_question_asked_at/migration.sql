-- Results: when answers opened for each game question (from `prisma migrate diff`). Null means
-- not asked (yet), so a game ended early does not count its unplayed questions as missed.

-- AlterTable
ALTER TABLE "GameQuestion" ADD COLUMN     "askedAt" TIMESTAMP(3);
