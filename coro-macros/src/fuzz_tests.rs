//! No-panic tests of the expansion functions: to be written.
