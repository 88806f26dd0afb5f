-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "platformLocale" TEXT;
