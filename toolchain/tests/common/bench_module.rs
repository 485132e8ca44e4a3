//! One module of the generated benchmark project (`bench_build.rs`): a dozen functions and a class. Also
//! read by `vm/tests/direct_tree.rs`, which checks that these modules take the direct tree builder.

/// The source of module `i`.
pub fn bench_module(i: usize) -> String {
    let mut s = format!("# module {i}\nimport math\n\nCONST_{i} = {i}\n\n");
    for f in 0..8 {
        s += &format!(
            "def f{f}(x, y=2):\n    total = 0\n    for k in range(x):\n        if k % {m} == 0:\n            total += k * y\n        else:\n            total -= 1\n    return total + CONST_{i}\n\n",
            m = f + 2
        );
    }
    s += &format!(
        "class C{i}:\n    def __init__(self, v):\n        self.v = v\n\n    def get(self):\n        return [self.v * j for j in range(4)]\n\n    def scaled(self, k=1.5):\n        return {{'v': self.v, 'k': k, 's': 'x' * {i}}}\n"
    );
    s
}
