//! `@micropython.asm_rv32` (stub while being written).
use super::{Isa, Node, Shared};
use crate::asm::rv32::AsmRv32imc;
use crate::asm::{Asm, CodeBuffer};

pub struct InlineRv32 {
    asm: AsmRv32imc,
}

impl InlineRv32 {
    pub fn new(max_num_labels: usize, _flags: u32) -> Self {
        InlineRv32 { asm: AsmRv32imc::new(max_num_labels) }
    }
}

impl Isa for InlineRv32 {
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
