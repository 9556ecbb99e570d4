"""Programs the tests run in a fresh interpreter: `python -m tests.programs.NAME ARGS` (conftest.run_program).

A fresh interpreter, because forking needs a process with no other thread, which pytest's browser
fixtures do not leave, and because some programs change the generator before it runs. Modules, not
strings, so that they are linted and type-checked as the generator is.
"""
