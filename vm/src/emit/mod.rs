//! The emitter interface (`py/emit.h`): one method per stack-machine operation, one implementation per code kind.
