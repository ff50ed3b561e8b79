-- AlterTable
ALTER TABLE "Game" ADD COLUMN     "ownerFence" INTEGER NOT NULL DEFAULT 0;

