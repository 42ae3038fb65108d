// The expansion of `yield_from.rs`, formatted by rustfmt. Regenerate with
// `CORO_BLESS=1 cargo test -p coro-macros snapshot`.

#[allow(refining_impl_trait)]
fn outer(
    names: Vec<String>,
) -> impl ::coro_core::Generator<bool, Yield = String, Return = usize> + ::core::fmt::Debug {
    yield_from ! (@ used);
    #[allow(non_camel_case_types)]
    enum outer<__CoroT1, __CoroT3, __CoroT5, __CoroT6> {
        Start {
            __coro_l0_names: Vec<String>,
        },
        Block1 {
            __coro_l1_accepted: __CoroT1,
        },
        Block2 {
            __coro_l3___coro_iter2: __CoroT3,
            __coro_l1_accepted: __CoroT1,
        },
        Block3 {
            __coro_l6___coro_ret4: __CoroT6,
            __coro_l3___coro_iter2: __CoroT3,
            __coro_l1_accepted: __CoroT1,
        },
        Yield0 {
            __coro_l5___coro_gen3: __CoroT5,
            __coro_l3___coro_iter2: __CoroT3,
            __coro_l1_accepted: __CoroT1,
        },
        Done,
        Poisoned,
    }
    impl<__CoroT1, __CoroT3, __CoroT5, __CoroT6> ::coro_core::__private::StateInfo
        for outer<__CoroT1, __CoroT3, __CoroT5, __CoroT6>
    {
        const NAME: &'static str = "outer";
        fn status(&self) -> ::coro_core::__private::GeneratorStatus {
            match self {
                Self::Start { .. } => ::coro_core::__private::GeneratorStatus::Created,
                Self::Block1 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Block2 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Block3 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Yield0 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 0usize,
                        source: "yield_from!(ask(name))",
                        file: ::core::file!(),
                        line: 7u32,
                        column: 21u32,
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
    let __coro_generator = ::coro_core::__private::machine::<bool, String, usize, _, _>(
        outer::Start {
            __coro_l0_names: names,
        },
        |__coro_state, mut __coro_resume| {
            let mut __coro_current = ::core::mem::replace(__coro_state, outer::Poisoned);
            '__coro_dispatch: loop {
                match __coro_current {
                    outer::Start { .. } if __coro_resume.is_some() => {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::NotStarted,
                        );
                    }
                    outer::Yield0 { .. } if __coro_resume.is_none() => {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::NeedsValue,
                        );
                    }
                    outer::Start {
                        __coro_l0_names: names,
                    } => {
                        #[allow(unused_mut)]
                        let mut accepted = 0;
                        let mut __coro_iter2 = ::core::iter::IntoIterator::into_iter(names);
                        {
                            #[allow(clippy::used_underscore_binding)]
                            if let outer::Block2 {
                                __coro_l3___coro_iter2: __coro_tie0,
                                __coro_l1_accepted: __coro_tie1,
                            } = &*__coro_state
                            {
                                let _ = [__coro_tie0, &__coro_iter2];
                                let _ = [__coro_tie1, &accepted];
                            }
                            match ::core::iter::Iterator::next(&mut __coro_iter2) {
                                ::core::option::Option::Some(name) => {
                                    let mut __coro_gen3 = ask(name);
                                    match <_ as ::coro_core::__private::Generator<bool>>::start(
                                        &mut __coro_gen3,
                                    ) {
                                        ::coro_core::__private::GeneratorState::Yielded(
                                            __coro_y,
                                        ) => {
                                            let __coro_yielded: String = __coro_y;
                                            ::coro_core::__private::set_state(
                                                __coro_state,
                                                outer::Yield0 {
                                                    __coro_l5___coro_gen3: __coro_gen3,
                                                    __coro_l3___coro_iter2: __coro_iter2,
                                                    __coro_l1_accepted: accepted,
                                                },
                                            );
                                            return ::core::result::Result::Ok(
                                                ::coro_core::__private::GeneratorState::Yielded(
                                                    __coro_yielded,
                                                ),
                                            );
                                        }
                                        ::coro_core::__private::GeneratorState::Complete(
                                            __coro_v,
                                        ) => {
                                            let __coro_l6___coro_ret4 = __coro_v;
                                            __coro_current = outer::Block3 {
                                                __coro_l6___coro_ret4: __coro_l6___coro_ret4,
                                                __coro_l3___coro_iter2: __coro_iter2,
                                                __coro_l1_accepted: accepted,
                                            };
                                            continue '__coro_dispatch;
                                        }
                                    }
                                }
                                ::core::option::Option::None => {
                                    #[allow(unreachable_code)]
                                    {
                                        __coro_current = outer::Block1 {
                                            __coro_l1_accepted: accepted,
                                        };
                                        continue '__coro_dispatch;
                                    };
                                }
                            }
                        }
                    }
                    outer::Block2 {
                        #[allow(unused_mut)]
                            __coro_l1_accepted: mut accepted,
                        #[allow(unused_mut)]
                            __coro_l3___coro_iter2: mut __coro_iter2,
                    } => match ::core::iter::Iterator::next(&mut __coro_iter2) {
                        ::core::option::Option::Some(name) => {
                            let mut __coro_gen3 = ask(name);
                            match <_ as ::coro_core::__private::Generator<bool>>::start(
                                &mut __coro_gen3,
                            ) {
                                ::coro_core::__private::GeneratorState::Yielded(__coro_y) => {
                                    let __coro_yielded: String = __coro_y;
                                    ::coro_core::__private::set_state(
                                        __coro_state,
                                        outer::Yield0 {
                                            __coro_l5___coro_gen3: __coro_gen3,
                                            __coro_l3___coro_iter2: __coro_iter2,
                                            __coro_l1_accepted: accepted,
                                        },
                                    );
                                    return ::core::result::Result::Ok(
                                        ::coro_core::__private::GeneratorState::Yielded(
                                            __coro_yielded,
                                        ),
                                    );
                                }
                                ::coro_core::__private::GeneratorState::Complete(__coro_v) => {
                                    let __coro_l6___coro_ret4 = __coro_v;
                                    __coro_current = outer::Block3 {
                                        __coro_l6___coro_ret4: __coro_l6___coro_ret4,
                                        __coro_l3___coro_iter2: __coro_iter2,
                                        __coro_l1_accepted: accepted,
                                    };
                                    continue '__coro_dispatch;
                                }
                            }
                        }
                        ::core::option::Option::None => {
                            #[allow(unreachable_code)]
                            {
                                __coro_current = outer::Block1 {
                                    __coro_l1_accepted: accepted,
                                };
                                continue '__coro_dispatch;
                            };
                        }
                    },
                    outer::Yield0 {
                        #[allow(unused_mut)]
                            __coro_l1_accepted: mut accepted,
                        #[allow(unused_mut)]
                            __coro_l3___coro_iter2: mut __coro_iter2,
                        #[allow(unused_mut)]
                            __coro_l5___coro_gen3: mut __coro_gen3,
                    } => {
                        match <_ as ::coro_core::__private::Generator<bool>>::send(
                            &mut __coro_gen3,
                            ::coro_core::__private::resumed(&mut __coro_resume),
                        ) {
                            ::coro_core::__private::GeneratorState::Yielded(__coro_y) => {
                                let __coro_yielded: String = __coro_y;
                                ::coro_core::__private::set_state(
                                    __coro_state,
                                    outer::Yield0 {
                                        __coro_l5___coro_gen3: __coro_gen3,
                                        __coro_l3___coro_iter2: __coro_iter2,
                                        __coro_l1_accepted: accepted,
                                    },
                                );
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                                );
                            }
                            ::coro_core::__private::GeneratorState::Complete(__coro_v) => {
                                let __coro_l6___coro_ret4 = __coro_v;
                                __coro_current = outer::Block3 {
                                    __coro_l6___coro_ret4: __coro_l6___coro_ret4,
                                    __coro_l3___coro_iter2: __coro_iter2,
                                    __coro_l1_accepted: accepted,
                                };
                                continue '__coro_dispatch;
                            }
                        }
                    }
                    outer::Block3 {
                        #[allow(unused_mut)]
                            __coro_l1_accepted: mut accepted,
                        #[allow(unused_mut)]
                            __coro_l3___coro_iter2: mut __coro_iter2,
                        #[allow(unused_mut)]
                            __coro_l6___coro_ret4: mut __coro_ret4,
                    } => {
                        accepted += __coro_ret4;
                        #[allow(unreachable_code)]
                        {
                            __coro_current = outer::Block2 {
                                __coro_l3___coro_iter2: __coro_iter2,
                                __coro_l1_accepted: accepted,
                            };
                            continue '__coro_dispatch;
                        };
                    }
                    outer::Block1 {
                        #[allow(unused_mut)]
                            __coro_l1_accepted: mut accepted,
                    } => {
                        let __coro_ret: usize = accepted;
                        #[allow(unreachable_code)]
                        {
                            ::coro_core::__private::set_state(__coro_state, outer::Done);
                            return ::core::result::Result::Ok(
                                ::coro_core::__private::GeneratorState::Complete(__coro_ret),
                            );
                        }
                    }
                    outer::Done => {
                        ::coro_core::__private::set_state(__coro_state, outer::Done);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::Completed,
                        );
                    }
                    outer::Poisoned => {
                        ::coro_core::__private::set_state(__coro_state, outer::Poisoned);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::Panicked,
                        );
                    }
                }
            }
        },
    );
    __coro_generator
}
