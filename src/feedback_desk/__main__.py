import multiprocessing

# The frozen app starts its chart renderer by running itself (ui/charts/renderer_process.py).
multiprocessing.freeze_support()

from feedback_desk.cli import main  # noqa: E402

raise SystemExit(main())
