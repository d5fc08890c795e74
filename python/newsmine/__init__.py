"""newsmine: entities, figures and quotes from news articles.

newsmine reads batches of news articles, in ordinary text or in *stripped*
text (lowercased, every punctuation mark removed), and returns what they
contain: entities with canonical names, figures with values and units, and
quotes with their speakers.

>>> import newsmine
>>> ex = newsmine.Extractor()
>>> art = ex.extract("The U.S. said on Thursday it would act.")
>>> art.form
'ordinary'
>>> ex.extract("the u s said on thursday it would act").form
'stripped'
"""

from newsmine._api import Extractor
from newsmine._newsmine import (
    Article,
    Entity,
    ExtractionError,
    Figure,
    NewsmineError,
    Quote,
    __version__,
)
from newsmine.frames import SCHEMAS, Frames, group_entities, spark_schema
from newsmine.partition import _register_accessor, extract_partition

__all__ = [
    "SCHEMAS",
    "Article",
    "Entity",
    "ExtractionError",
    "Extractor",
    "Figure",
    "Frames",
    "NewsmineError",
    "Quote",
    "__version__",
    "extract_partition",
    "group_entities",
    "spark_schema",
]

_register_accessor()
