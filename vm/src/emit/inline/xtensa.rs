//! `@micropython.asm_xtensa` (stub while being written).
use super::{Isa, Node, Shared};
use crate::asm::xtensa::{Abi, AsmXtensaAbi};
use crate::asm::{Asm, CodeBuffer};

pub struct InlineXtensa<V: Abi> {
    asm: AsmXtensaAbi<V>,
}

impl<V: Abi> InlineXtensa<V> {
    pub fn new(max_num_labels: usize) -> Self {
        InlineXtensa { asm: AsmXtensaAbi::new(max_num_labels) }
    }
}

impl<V: Abi> Isa for InlineXtensa<V> {
    fn base(&self) -> &CodeBuffer {
        self.asm.base()
    }
    fn base_mut(&mut self) -> &mut CodeBuffer {
        self.asm.base_mut()
    }
    fn entry(&mut self) {}
    fn exit(&mut self) {}
    fn count_params(&mut self, _sh: &mut Shared, _params: &[Node<'_>]) -> u32 {
        0
    }
    fn op(&mut self, _sh: &mut Shared, _op: &str, _args: &[Node<'_>]) {}
}
