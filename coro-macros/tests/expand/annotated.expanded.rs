// The expansion of `annotated.rs`, formatted by rustfmt. Regenerate with
// `CORO_BLESS=1 cargo test -p coro-macros snapshot`.

#[allow(refining_impl_trait)]
fn tally<T: Clone>(
    item: T,
) -> impl ::coro_core::Generator<u64, Yield = T, Return = u64> + ::core::fmt::Debug {
    yield_ ! (@ used);
    #[allow(non_camel_case_types)]
    enum tally<__CoroT0, __CoroT5> {
        Start {
            __coro_l0_item: __CoroT0,
        },
        Yield0 {
            __coro_l5_count: __CoroT5,
            __coro_l1_total: u64,
            __coro_l0_item: __CoroT0,
        },
        Yield1 {
            __coro_l5_count: __CoroT5,
            __coro_l1_total: u64,
        },
        Done,
        Poisoned,
    }
    impl<__CoroT0, __CoroT5> tally<__CoroT0, __CoroT5> {
        fn __coro_types(
            _: &Self,
        ) -> (
            ::core::marker::PhantomData<__CoroT0>,
            ::core::marker::PhantomData<__CoroT5>,
        ) {
            (
                ::core::marker::PhantomData::<__CoroT0>,
                ::core::marker::PhantomData::<__CoroT5>,
            )
        }
    }
    impl<__CoroT0, __CoroT5> ::coro_core::__private::StateInfo for tally<__CoroT0, __CoroT5> {
        const NAME: &'static str = "tally";
        fn status(&self) -> ::coro_core::__private::GeneratorStatus {
            match self {
                Self::Start { .. } => ::coro_core::__private::GeneratorStatus::Created,
                Self::Yield0 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 0usize,
                        source: "yield_!(item.clone())",
                        file: ::core::file!(),
                        line: 9u32,
                        column: 14u32,
                    },
                ),
                Self::Yield1 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 1usize,
                        source: "yield_!(item)",
                        file: ::core::file!(),
                        line: 10u32,
                        column: 14u32,
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
    let __coro_generator = ::coro_core::__private::machine::<u64, T, u64, _, _>(
        ::coro_core::__private::typed::<_, u64>(
            tally::Start {
                __coro_l0_item: item,
            },
            |__coro_s| {
                let __coro_w = tally::__coro_types(&__coro_s);
                let tally::Start {
                    __coro_l0_item: item,
                } = __coro_s
                else {
                    ::core::unreachable!()
                };
                let mut total: u64 = 0;
                let names: Vec<String> = Vec::new();
                let count = names.len();
                ::coro_core::__private::tie(&__coro_w.1, &count);
                total += {
                    yield_ ! (@ used);
                    ::coro_core::__private::fallback_yield::<u64, (T,)>((item.clone(),))
                };
                total += {
                    yield_ ! (@ used);
                    ::coro_core::__private::fallback_yield::<u64, (T,)>((item,))
                };
                total + count as u64
            },
        ),
        |__coro_state, mut __coro_resume| {
            let mut __coro_current = ::core::mem::replace(__coro_state, tally::Poisoned);
            '__coro_dispatch: loop {
                match __coro_current {
                    tally::Start { .. } if __coro_resume.is_some() => {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::NotStarted,
                        );
                    }
                    tally::Yield0 { .. } | tally::Yield1 { .. } if __coro_resume.is_none() => {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::NeedsValue,
                        );
                    }
                    tally::Start {
                        __coro_l0_item: item,
                    } => {
                        #[allow(unused_mut)]
                        let mut total: u64 = 0;
                        let names: Vec<String> = Vec::new();
                        let count = names.len();
                        {
                            let __coro_yielded: T = item.clone();
                            ::coro_core::__private::set_state(
                                __coro_state,
                                tally::Yield0 {
                                    __coro_l5_count: count,
                                    __coro_l1_total: total,
                                    __coro_l0_item: item,
                                },
                            );
                            return ::core::result::Result::Ok(
                                ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                            );
                        }
                    }
                    tally::Yield0 {
                        __coro_l0_item: item,
                        #[allow(unused_mut)]
                            __coro_l1_total: mut total,
                        __coro_l5_count: count,
                    } => {
                        let __coro_r4 = ::coro_core::__private::resumed(&mut __coro_resume);
                        total += __coro_r4;
                        {
                            let __coro_yielded: T = item;
                            ::coro_core::__private::set_state(
                                __coro_state,
                                tally::Yield1 {
                                    __coro_l5_count: count,
                                    __coro_l1_total: total,
                                },
                            );
                            return ::core::result::Result::Ok(
                                ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                            );
                        }
                    }
                    tally::Yield1 {
                        #[allow(unused_mut)]
                            __coro_l1_total: mut total,
                        __coro_l5_count: count,
                    } => {
                        let __coro_r5 = ::coro_core::__private::resumed(&mut __coro_resume);
                        total += __coro_r5;
                        {
                            let __coro_ret: u64 = total + count as u64;
                            #[allow(unreachable_code)]
                            {
                                ::coro_core::__private::set_state(__coro_state, tally::Done);
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Complete(__coro_ret),
                                );
                            }
                        }
                    }
                    tally::Done => {
                        ::coro_core::__private::set_state(__coro_state, tally::Done);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::Completed,
                        );
                    }
                    tally::Poisoned => {
                        ::coro_core::__private::set_state(__coro_state, tally::Poisoned);
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
