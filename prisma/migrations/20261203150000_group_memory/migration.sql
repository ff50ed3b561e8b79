-- AlterTable
ALTER TABLE "Game" ADD COLUMN     "memoryAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Player" ADD COLUMN     "deviceKeyHash" TEXT,
ADD COLUMN     "memberId" TEXT,
ADD COLUMN     "studyName" TEXT;

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "studyName" TEXT,
    "studyNameKey" TEXT,
    "nicknames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberDevice" (
    "keyHash" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberDevice_pkey" PRIMARY KEY ("keyHash")
);

-- CreateTable
CREATE TABLE "FactMemory" (
    "memberId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" TIMESTAMP(3),
    "misses" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FactMemory_pkey" PRIMARY KEY ("memberId","factId")
);

-- CreateTable
CREATE TABLE "ReviewLog" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "gameId" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "elapsedMs" INTEGER,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Member_studyNameKey_key" ON "Member"("studyNameKey");

-- CreateIndex
CREATE INDEX "MemberDevice_memberId_idx" ON "MemberDevice"("memberId");

-- CreateIndex
CREATE INDEX "FactMemory_deckId_memberId_idx" ON "FactMemory"("deckId", "memberId");

-- CreateIndex
CREATE INDEX "ReviewLog_memberId_deckId_idx" ON "ReviewLog"("memberId", "deckId");

-- CreateIndex
CREATE INDEX "ReviewLog_deckId_reviewedAt_idx" ON "ReviewLog"("deckId", "reviewedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_gameId_questionIndex_memberId_key" ON "ReviewLog"("gameId", "questionIndex", "memberId");

-- CreateIndex
CREATE INDEX "Player_memberId_idx" ON "Player"("memberId");

-- AddForeignKey
ALTER TABLE "Player" ADD CONSTRAINT "Player_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberDevice" ADD CONSTRAINT "MemberDevice_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactMemory" ADD CONSTRAINT "FactMemory_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactMemory" ADD CONSTRAINT "FactMemory_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLog" ADD CONSTRAINT "ReviewLog_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLog" ADD CONSTRAINT "ReviewLog_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLog" ADD CONSTRAINT "ReviewLog_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "Game"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Games that ended before members existed have no device keys to count: nothing to record.
UPDATE "Game" SET "memoryAt" = COALESCE("endedAt", CURRENT_TIMESTAMP)
WHERE "status" IN ('finished', 'ended-by-host', 'interrupted');
