-- Notes bank: parser extras on Fact and alias keys on Term, so the generator's Bank can be
-- loaded from the rows without re-parsing (from `prisma migrate diff`).

-- AlterTable
ALTER TABLE "Term" ADD COLUMN     "aliasKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Fact" ADD COLUMN     "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "emphasis" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "termLine" INTEGER;
