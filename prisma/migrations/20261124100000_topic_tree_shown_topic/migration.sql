-- AlterTable
ALTER TABLE "Fact" ADD COLUMN     "localTopic" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "GameQuestion" ADD COLUMN     "shownTopic" TEXT[] DEFAULT ARRAY[]::TEXT[];

