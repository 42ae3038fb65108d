// The expansion of `block_capture.rs`, formatted by rustfmt. Regenerate with
// `CORO_BLESS=1 cargo test -p coro-macros snapshot`.

fn snapshot() {
    let _ = {
        yield_ ! (@ used);
        let __coro_block = {
            #[allow(non_camel_case_types)]
            enum gen_block<__CoroT0, __CoroT1, __CoroT2> {
                Start {
                    __coro_l0_start: __CoroT0,
                    __coro_l1_step: __CoroT1,
                },
                Block2 {
                    __coro_l2_i: __CoroT2,
                    __coro_l1_step: __CoroT1,
                },
                Yield0 {
                    __coro_l2_i: __CoroT2,
                    __coro_l1_step: __CoroT1,
                },
                Done,
                Poisoned,
            }
            impl<__CoroT0, __CoroT1, __CoroT2> ::coro_core::__private::StateInfo
                for gen_block<__CoroT0, __CoroT1, __CoroT2>
            {
                const NAME: &'static str = "gen_block";
                fn status(&self) -> ::coro_core::__private::GeneratorStatus {
                    match self {
                        Self::Start { .. } => ::coro_core::__private::GeneratorStatus::Created,
                        Self::Block2 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                        Self::Yield0 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                            ::coro_core::__private::YieldPoint {
                                index: 0usize,
                                source: "yield_!(i)",
                                file: ::core::file!(),
                                line: 5u32,
                                column: 9u32,
                            },
                        ),
                        Self::Done => ::coro_core::__private::GeneratorStatus::Completed,
                        Self::Poisoned => ::coro_core::__private::GeneratorStatus::Poisoned,
                    }
                }
                fn close(&mut self) {
                    *self = Self::Done;
                }
            }
            let __coro_generator = ::coro_core::__private::machine::<(), u64, _, _, _>(
                gen_block::Start {
                    __coro_l0_start: start,
                    __coro_l1_step: step,
                },
                |__coro_state, mut __coro_resume| {
                    let mut __coro_current =
                        ::core::mem::replace(__coro_state, gen_block::Poisoned);
                    '__coro_dispatch: loop {
                        match __coro_current {
                            gen_block::Start {
                                #[allow(unused_mut)]
                                    __coro_l0_start: mut start,
                                #[allow(unused_mut)]
                                    __coro_l1_step: mut step,
                            } => {
                                #[allow(unused_mut)]
                                let mut i = start;
                                {
                                    #[allow(clippy::used_underscore_binding)]
                                    if let gen_block::Block2 {
                                        __coro_l2_i: __coro_tie0,
                                        ..
                                    } = &*__coro_state
                                    {
                                        let _ = [__coro_tie0, &i];
                                    }
                                    {
                                        let __coro_yielded: u64 = i;
                                        ::coro_core::__private::set_state(
                                            __coro_state,
                                            gen_block::Yield0 {
                                                __coro_l2_i: i,
                                                __coro_l1_step: step,
                                            },
                                        );
                                        return ::core::result::Result::Ok(
                                            ::coro_core::__private::GeneratorState::Yielded(
                                                __coro_yielded,
                                            ),
                                        );
                                    }
                                }
                            }
                            gen_block::Yield0 {
                                #[allow(unused_mut)]
                                    __coro_l1_step: mut step,
                                #[allow(unused_mut)]
                                    __coro_l2_i: mut i,
                            } => {
                                i += step;
                                {
                                    {
                                        let __coro_yielded: u64 = i;
                                        ::coro_core::__private::set_state(
                                            __coro_state,
                                            gen_block::Yield0 {
                                                __coro_l2_i: i,
                                                __coro_l1_step: step,
                                            },
                                        );
                                        return ::core::result::Result::Ok(
                                            ::coro_core::__private::GeneratorState::Yielded(
                                                __coro_yielded,
                                            ),
                                        );
                                    }
                                }
                            }
                            gen_block::Done => {
                                ::coro_core::__private::set_state(__coro_state, gen_block::Done);
                                return ::core::result::Result::Err(
                                    ::coro_core::__private::Refusal::Completed,
                                );
                            }
                            gen_block::Poisoned | gen_block::Block2 { .. } => {
                                ::coro_core::__private::set_state(
                                    __coro_state,
                                    gen_block::Poisoned,
                                );
                                return ::core::result::Result::Err(
                                    ::coro_core::__private::Refusal::Panicked,
                                );
                            }
                        }
                    }
                },
            );
            __coro_generator
        };
        ::coro_core::__private::return_hint(&__coro_block, || ::core::unreachable!());
        __coro_block
    };
}
