"""Email templates: French and English defaults shipped in resources/templates/, overridden per
studio in the settings table (keys ``templates.<name>.<language>.subject`` / ``.body``)."""
