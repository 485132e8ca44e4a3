//! firmware (being written).
