from spinetui.cli import main

raise SystemExit(main())
