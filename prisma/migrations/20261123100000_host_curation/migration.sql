-- Host curation (from `prisma migrate diff`): struck questions, "not a term" terms, facts flagged
-- at a reveal, and the host's fact edits. No foreign key to "Fact" on purpose: a re-import
-- deletes and re-inserts a file's facts, and these rows must outlive that (they keep a snapshot).

-- CreateTable
CREATE TABLE "StruckQuestion" (
    "id" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "prompt" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "term" TEXT NOT NULL,
    "fact" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StruckQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotATerm" (
    "id" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "termKey" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotATerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlaggedFact" (
    "id" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "gameId" TEXT,
    "questionIndex" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "term" TEXT NOT NULL,
    "fact" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlaggedFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactEdit" (
    "id" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "attribute" TEXT,
    "originalTerm" TEXT NOT NULL,
    "originalFact" TEXT NOT NULL,
    "originalRest" JSONB NOT NULL,
    "term" TEXT NOT NULL,
    "fact" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FactEdit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StruckQuestion_deckId_factId_kind_key" ON "StruckQuestion"("deckId", "factId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "NotATerm_deckId_termKey_key" ON "NotATerm"("deckId", "termKey");

-- CreateIndex
CREATE INDEX "FlaggedFact_gameId_idx" ON "FlaggedFact"("gameId");

-- CreateIndex
CREATE UNIQUE INDEX "FlaggedFact_deckId_factId_key" ON "FlaggedFact"("deckId", "factId");

-- CreateIndex
CREATE UNIQUE INDEX "FactEdit_deckId_factId_key" ON "FactEdit"("deckId", "factId");

-- AddForeignKey
ALTER TABLE "StruckQuestion" ADD CONSTRAINT "StruckQuestion_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotATerm" ADD CONSTRAINT "NotATerm_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlaggedFact" ADD CONSTRAINT "FlaggedFact_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlaggedFact" ADD CONSTRAINT "FlaggedFact_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "Game"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactEdit" ADD CONSTRAINT "FactEdit_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

