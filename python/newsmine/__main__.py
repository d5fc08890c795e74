import sys

from newsmine.cli import main

sys.exit(main())
