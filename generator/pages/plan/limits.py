"""How much a page shows: past these sizes a list is split into pages or cut, and says where the rest is.

The planning modules read these as ``limits.NAME`` when they run, so that a test can set a small limit.
"""

LATEST = 5  # briefings on the home page
LATEST_ADDITIONS = 8  # pages added lately, on the home page
RECENT_EVENTS = 8  # events on the home page
TIMELINE_PAGE_EVENTS = 300  # more events than this: a page per year, and per month in a year that has more
TIMELINE_LATEST = 20  # the latest events, on the first page of a split timeline
BRIEFINGS_PAGE = 200  # more briefings than this: a page per year
BRIEFINGS_LATEST = 50  # the newest briefings, on the first page of a split index
LIST_LIMIT = 25  # items of a long list on a profile or a topic: the most recent
GRAPH_LIMIT = 16  # actors drawn around a profile's or topic's graph: those with the most relations
DESCRIPTION_LENGTH = 200  # characters of a page's description
