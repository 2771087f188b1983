-- Statements: a file's size and SHA-256 are kept once, in statement_files (one row per file,
-- signatures too); its Стрибог hash, as signed, in the registry's document_files (0060 copied
-- the hashes of statements issued before the registry). The statement's own copies go.
alter table statements
  drop column pdf_bytes,
  drop column xlsx_bytes,
  drop column pdf_sha256,
  drop column xlsx_sha256,
  drop column pdf_streebog256,
  drop column xlsx_streebog256;
