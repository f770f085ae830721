"""One module per group of subcommands; each defines ``register(subparsers, common)``.

Rule: import only argparse and light modules at the top of these files; import services, the
store, Qt or matplotlib inside the handlers.
"""
