from phr.cli import main

raise SystemExit(main())
