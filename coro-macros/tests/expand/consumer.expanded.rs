// The expansion of `consumer.rs`, formatted by rustfmt. Regenerate with
// `CORO_BLESS=1 cargo test -p coro-macros snapshot`.

#[allow(refining_impl_trait)]
fn consumer() -> impl ::coro_core::Generator<i32, Yield = bool, Return = ()> + ::core::fmt::Debug {
    yield_ ! (@ used);
    #[allow(non_camel_case_types)]
    enum consumer<__CoroT0> {
        Start {},
        Block2 { __coro_l0_status: __CoroT0 },
        Yield0 { __coro_l0_status: __CoroT0 },
        Done,
        Poisoned,
    }
    impl<__CoroT0> consumer<__CoroT0> {
        fn __coro_types(_: &Self) -> (::core::marker::PhantomData<__CoroT0>,) {
            (::core::marker::PhantomData::<__CoroT0>,)
        }
    }
    impl<__CoroT0> ::coro_core::__private::StateInfo for consumer<__CoroT0> {
        const NAME: &'static str = "consumer";
        fn status(&self) -> ::coro_core::__private::GeneratorStatus {
            match self {
                Self::Start { .. } => ::coro_core::__private::GeneratorStatus::Created,
                Self::Block2 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Yield0 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 0usize,
                        source: "yield_!(status)",
                        file: ::core::file!(),
                        line: 6u32,
                        column: 18u32,
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
    let __coro_generator = ::coro_core::__private::machine::<i32, bool, (), _, _>(
        ::coro_core::__private::typed::<_, ()>(consumer::Start {}, |__coro_s| {
            let __coro_w = consumer::__coro_types(&__coro_s);
            let consumer::Start {} = __coro_s else {
                ::core::unreachable!()
            };
            let mut status = true;
            ::coro_core::__private::tie(&__coro_w.0, &status);
            loop {
                let nr = {
                    yield_ ! (@ used);
                    ::coro_core::__private::fallback_yield::<i32, (bool,)>((status,))
                };
                println!("我拿到了{nr}!");
                if nr == 3 {
                    status = false;
                }
            }
        }),
        |__coro_state, mut __coro_resume| {
            let mut __coro_current = ::core::mem::replace(__coro_state, consumer::Poisoned);
            '__coro_dispatch: loop {
                match __coro_current {
                    consumer::Start { .. } if __coro_resume.is_some() => {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::NotStarted,
                        );
                    }
                    consumer::Yield0 { .. } if __coro_resume.is_none() => {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::NeedsValue,
                        );
                    }
                    consumer::Start {} => {
                        #[allow(unused_mut)]
                        let mut status = true;
                        {
                            #[allow(clippy::used_underscore_binding)]
                            if let consumer::Block2 {
                                __coro_l0_status: __coro_tie0,
                            } = &*__coro_state
                            {
                                let _ = [__coro_tie0, &status];
                            }
                            {
                                let __coro_yielded: bool = status;
                                ::coro_core::__private::set_state(
                                    __coro_state,
                                    consumer::Yield0 {
                                        __coro_l0_status: status,
                                    },
                                );
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                                );
                            }
                        }
                    }
                    consumer::Block2 {
                        #[allow(unused_mut)]
                            __coro_l0_status: mut status,
                    } => {
                        let __coro_yielded: bool = status;
                        ::coro_core::__private::set_state(
                            __coro_state,
                            consumer::Yield0 {
                                __coro_l0_status: status,
                            },
                        );
                        return ::core::result::Result::Ok(
                            ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                        );
                    }
                    consumer::Yield0 {
                        #[allow(unused_mut)]
                            __coro_l0_status: mut status,
                    } => {
                        let __coro_r3 = ::coro_core::__private::resumed(&mut __coro_resume);
                        let nr = __coro_r3;
                        println!("我拿到了{nr}!");
                        if nr == 3 {
                            status = false;
                        };
                        #[allow(unreachable_code)]
                        {
                            __coro_current = consumer::Block2 {
                                __coro_l0_status: status,
                            };
                            continue '__coro_dispatch;
                        };
                    }
                    consumer::Done => {
                        ::coro_core::__private::set_state(__coro_state, consumer::Done);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::Completed,
                        );
                    }
                    consumer::Poisoned => {
                        ::coro_core::__private::set_state(__coro_state, consumer::Poisoned);
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
