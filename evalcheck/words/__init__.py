"""The words real matrices use, and what they mean in the record contract: statuses and
decisions (vocabulary), deadlines and dates (when), in English, French, Spanish and Portuguese,
and the folding of text that both compare on (text).

A base layer: it imports nothing else of evalcheck, so the schema messages ("status is
'Initiée': write in-progress"), `evalcheck set` and the Word/Excel import share one reading.
"""
