-- Bumped in the same transaction as every change to a deck's members' memory, so a server
-- that holds that memory in its own cache knows with one row read whether it is still true.
ALTER TABLE "Deck" ADD COLUMN "memoryVersion" INTEGER NOT NULL DEFAULT 0;
