"""The course modules the generator writes a brief and an answer-key section for, by their ids.

The generator does not import the graders, so it names the modules here, once; each id is also the
``id`` of a module package's spec (graders.modules), and tests/course/test_module_registry.py checks that
the world's briefs and key sections are exactly the registry's modules.
"""

M01 = "01-scraping-ad-sites"
M02 = "02-selectors-and-normalisation"
M03 = "03-linking-ads"
M04 = "04-recruitment-on-social-media"
M07 = "07-following-the-money"
