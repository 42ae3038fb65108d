// The expansion of `frame.rs`, formatted by rustfmt. Regenerate with
// `CORO_BLESS=1 cargo test -p coro-macros snapshot`.

#[allow(refining_impl_trait)]
fn frame(
    n: i64,
) -> impl ::coro_core::Generator<i64, Yield = i64, Return = i64> + ::core::fmt::Debug {
    yield_ ! (@ used);
    #[allow(non_camel_case_types)]
    enum frame {
        Start { __coro_l0_n: i64 },
        Yield0 { __coro_frame: __CoroFrame },
        Yield1 { __coro_frame: __CoroFrame },
        Block3 { __coro_frame: __CoroFrame },
        Yield2 { __coro_frame: __CoroFrame },
        Yield3 { __coro_frame: __CoroFrame },
        Done,
        Poisoned,
    }
    #[derive(:: core :: clone :: Clone, :: core :: marker :: Copy)]
    struct __CoroFrame {
        __coro_l1_a: i64,
        __coro_l3_b: i64,
        __coro_l5_c: u8,
        __coro_l7_d: bool,
        __coro_l9_e: char,
        __coro_l11_f: f64,
        __coro_l13_g: i32,
        __coro_l15_h: usize,
        __coro_l17_i: i64,
    }
    impl ::coro_core::__private::StateInfo for frame {
        const NAME: &'static str = "frame";
        fn status(&self) -> ::coro_core::__private::GeneratorStatus {
            match self {
                Self::Start { .. } => ::coro_core::__private::GeneratorStatus::Created,
                Self::Yield0 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 0usize,
                        source: "yield_!(a)",
                        file: ::core::file!(),
                        line: 14u32,
                        column: 10u32,
                    },
                ),
                Self::Yield1 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 1usize,
                        source: "yield_!(b)",
                        file: ::core::file!(),
                        line: 15u32,
                        column: 10u32,
                    },
                ),
                Self::Block3 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Yield2 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 2usize,
                        source: "yield_!(i64::from(c))",
                        file: ::core::file!(),
                        line: 17u32,
                        column: 14u32,
                    },
                ),
                Self::Yield3 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 3usize,
                        source: "yield_!(i64::from(g))",
                        file: ::core::file!(),
                        line: 19u32,
                        column: 10u32,
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
    let __coro_generator = ::coro_core::__private::machine::<i64, i64, i64, _, _>(
        frame::Start { __coro_l0_n: n },
        |__coro_state, mut __coro_resume| {
            let mut __coro_current = ::core::mem::replace(__coro_state, frame::Poisoned);
            '__coro_dispatch: loop {
                match __coro_current {
                    frame::Start { .. } if __coro_resume.is_some() => {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::NotStarted,
                        );
                    }
                    frame::Yield0 { .. }
                    | frame::Yield1 { .. }
                    | frame::Yield2 { .. }
                    | frame::Yield3 { .. }
                        if __coro_resume.is_none() =>
                    {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::NeedsValue,
                        );
                    }
                    frame::Start { __coro_l0_n: n } => {
                        #[allow(unused_mut)]
                        let mut __coro_frame = __CoroFrame {
                            __coro_l1_a: <i64 as ::core::default::Default>::default(),
                            __coro_l3_b: <i64 as ::core::default::Default>::default(),
                            __coro_l5_c: <u8 as ::core::default::Default>::default(),
                            __coro_l7_d: <bool as ::core::default::Default>::default(),
                            __coro_l9_e: <char as ::core::default::Default>::default(),
                            __coro_l11_f: <f64 as ::core::default::Default>::default(),
                            __coro_l13_g: <i32 as ::core::default::Default>::default(),
                            __coro_l15_h: <usize as ::core::default::Default>::default(),
                            __coro_l17_i: <i64 as ::core::default::Default>::default(),
                        };
                        #[allow(unused_mut)]
                        let mut a: i64 = n;
                        let b: i64 = 2;
                        let c: u8 = 3;
                        let d: bool = true;
                        let e: char = 'e';
                        let f: f64 = 0.5;
                        let g: i32 = 7;
                        let h: usize = 8;
                        #[allow(unused_mut)]
                        let mut i: i64 = 9;
                        {
                            let __coro_yielded: i64 = a;
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l17_i = i;
                            }
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l15_h = h;
                            }
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l13_g = g;
                            }
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l11_f = f;
                            }
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l9_e = e;
                            }
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l7_d = d;
                            }
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l5_c = c;
                            }
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l3_b = b;
                            }
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l1_a = a;
                            }
                            ::coro_core::__private::set_state(
                                __coro_state,
                                frame::Yield0 {
                                    __coro_frame: __coro_frame,
                                },
                            );
                            return ::core::result::Result::Ok(
                                ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                            );
                        }
                    }
                    frame::Yield0 {
                        #[allow(unused_mut)]
                            __coro_frame: mut __coro_frame,
                    } => {
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut b = __coro_frame.__coro_l3_b;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut a = __coro_frame.__coro_l1_a;
                        let __coro_r10 = ::coro_core::__private::resumed(&mut __coro_resume);
                        a += __coro_r10;
                        {
                            let __coro_yielded: i64 = b;
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l3_b = b;
                            }
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l1_a = a;
                            }
                            ::coro_core::__private::set_state(
                                __coro_state,
                                frame::Yield1 {
                                    __coro_frame: __coro_frame,
                                },
                            );
                            return ::core::result::Result::Ok(
                                ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                            );
                        }
                    }
                    frame::Yield1 {
                        #[allow(unused_mut)]
                            __coro_frame: mut __coro_frame,
                    } => {
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut i = __coro_frame.__coro_l17_i;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut g = __coro_frame.__coro_l13_g;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut d = __coro_frame.__coro_l7_d;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut c = __coro_frame.__coro_l5_c;
                        let __coro_r11 = ::coro_core::__private::resumed(&mut __coro_resume);
                        i += __coro_r11;
                        if d {
                            {
                                let __coro_yielded: i64 = i64::from(c);
                                #[allow(clippy::used_underscore_binding)]
                                {
                                    __coro_frame.__coro_l17_i = i;
                                }
                                #[allow(clippy::used_underscore_binding)]
                                {
                                    __coro_frame.__coro_l13_g = g;
                                }
                                #[allow(clippy::used_underscore_binding)]
                                {
                                    __coro_frame.__coro_l7_d = d;
                                }
                                #[allow(clippy::used_underscore_binding)]
                                {
                                    __coro_frame.__coro_l5_c = c;
                                }
                                ::coro_core::__private::set_state(
                                    __coro_state,
                                    frame::Yield2 {
                                        __coro_frame: __coro_frame,
                                    },
                                );
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                                );
                            }
                        } else {
                            {
                                {
                                    let __coro_yielded: i64 = i64::from(g);
                                    #[allow(clippy::used_underscore_binding)]
                                    {
                                        __coro_frame.__coro_l17_i = i;
                                    }
                                    #[allow(clippy::used_underscore_binding)]
                                    {
                                        __coro_frame.__coro_l7_d = d;
                                    }
                                    #[allow(clippy::used_underscore_binding)]
                                    {
                                        __coro_frame.__coro_l5_c = c;
                                    }
                                    ::coro_core::__private::set_state(
                                        __coro_state,
                                        frame::Yield3 {
                                            __coro_frame: __coro_frame,
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
                    }
                    frame::Yield2 {
                        #[allow(unused_mut)]
                            __coro_frame: mut __coro_frame,
                    } => {
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut a = __coro_frame.__coro_l1_a;
                        let __coro_r12 = ::coro_core::__private::resumed(&mut __coro_resume);
                        a += __coro_r12;
                        #[allow(unreachable_code)]
                        {
                            #[allow(clippy::used_underscore_binding)]
                            {
                                __coro_frame.__coro_l1_a = a;
                            }
                            __coro_current = frame::Block3 {
                                __coro_frame: __coro_frame,
                            };
                            continue '__coro_dispatch;
                        };
                    }
                    frame::Block3 {
                        #[allow(unused_mut)]
                            __coro_frame: mut __coro_frame,
                    } => {
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut g = __coro_frame.__coro_l13_g;
                        {
                            let __coro_yielded: i64 = i64::from(g);
                            ::coro_core::__private::set_state(
                                __coro_state,
                                frame::Yield3 {
                                    __coro_frame: __coro_frame,
                                },
                            );
                            return ::core::result::Result::Ok(
                                ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                            );
                        }
                    }
                    frame::Yield3 {
                        #[allow(unused_mut)]
                            __coro_frame: mut __coro_frame,
                    } => {
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut i = __coro_frame.__coro_l17_i;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut h = __coro_frame.__coro_l15_h;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut f = __coro_frame.__coro_l11_f;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut e = __coro_frame.__coro_l9_e;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut d = __coro_frame.__coro_l7_d;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut c = __coro_frame.__coro_l5_c;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut b = __coro_frame.__coro_l3_b;
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unused_assignments,
                            clippy::used_underscore_binding
                        )]
                        let mut a = __coro_frame.__coro_l1_a;
                        let __coro_r13 = ::coro_core::__private::resumed(&mut __coro_resume);
                        i += __coro_r13;
                        {
                            let __coro_ret: i64 = a
                                + b
                                + i
                                + i64::from(c)
                                + i64::from(d)
                                + e as i64
                                + f as i64
                                + h as i64;
                            #[allow(unreachable_code)]
                            {
                                ::coro_core::__private::set_state(__coro_state, frame::Done);
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Complete(__coro_ret),
                                );
                            }
                        }
                    }
                    frame::Done => {
                        ::coro_core::__private::set_state(__coro_state, frame::Done);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::Completed,
                        );
                    }
                    frame::Poisoned => {
                        ::coro_core::__private::set_state(__coro_state, frame::Poisoned);
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
