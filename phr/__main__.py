from phr.cli.main import main

raise SystemExit(main())
