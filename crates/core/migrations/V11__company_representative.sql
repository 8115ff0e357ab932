-- The controller's or processor's representative in the Union (Art. 27 GDPR), named in
-- Art. 30(1)(a) and (2)(a): only companies established outside the EU designate one.
ALTER TABLE companies ADD COLUMN representative TEXT NOT NULL DEFAULT '';
